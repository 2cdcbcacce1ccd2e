-- Keycloak keeps its own database on the same PostgreSQL server (run once, when the data volume is created)
CREATE DATABASE keycloak OWNER CURRENT_USER;
