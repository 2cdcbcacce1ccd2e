-- The Owlet roles a member had at their last sign-in, so that a change (e.g. becoming a company admin) is audited.
ALTER TABLE member ADD COLUMN roles VARCHAR(255);
