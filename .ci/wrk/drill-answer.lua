-- wrk script: learners answering drill cards the way the browser form does, with real bearer tokens.
--   TOKENS=/path/tokens.txt (one access token a line) COURSE=ivory-horn-casque DRILL=look-closely \
--   wrk -t16 -c16 -d12s -s .ci/wrk/drill-answer.lua http://127.0.0.1:PORT     (one connection per thread)
-- Each thread is one learner (token number thread id modulo the tokens) on one connection, alternating: GET a card
-- (practice mode: there is always one), POST its form (the 303 acknowledges the answer). Prints the answer POSTs
-- and their rate apart from the card GETs; any other status is an error.
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
  if #line > 0 then tokens[#tokens + 1] = line end
end
local course = os.getenv("COURSE") or "ivory-horn-casque"
local drill = os.getenv("DRILL") or "look-closely"
local card_path = "/learn/" .. course .. "/drills/" .. drill .. "?practice=true"

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

local job
answers, cards, errors = 0, 0, 0

local function fields(body)
  local form = body:match('<form[^>]-action="([^"]-/answer)"')
  if not form then return nil end
  local out, seen = {}, {}
  for input in body:gmatch("<input[^>]*>") do
    local name = input:match('name="([^"]*)"')
    local kind = input:match('type="([^"]*)"') or "text"
    local value = input:match('value="([^"]*)"') or ""
    if name and not input:match("disabled") then
      if kind == "hidden" or ((kind == "radio" or kind == "checkbox") and not seen[name]) then
        seen[name] = true
        out[#out + 1] = name .. "=" .. value:gsub("&amp;", "&"):gsub("([^%w%-%._~])", function(c) return string.format("%%%02X", string.byte(c)) end)
      end
    end
  end
  return form:gsub("&amp;", "&"), table.concat(out, "&")
end

function request()
  local token = tokens[id % #tokens + 1]
  if job then
    local req = wrk.format("POST", job.action, { ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/x-www-form-urlencoded" }, job.body)
    job = nil
    return req
  end
  return wrk.format("GET", card_path, { ["Authorization"] = "Bearer " .. token })
end

function response(status, headers, body)
  if status == 303 then
    answers = answers + 1
  elseif status == 200 and body then
    cards = cards + 1
    local action, form = fields(body)
    if action then job = { action = action, body = form } end
  else
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local a, c, e = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("answers"); c = c + t:get("cards"); e = e + t:get("errors")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("answer POSTs %d (%.0f/s), card GETs %d (%.0f/s), other statuses %d, socket errors %d\n",
    a, a / seconds, c, c / seconds, e, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
