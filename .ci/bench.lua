-- wrk script of .ci/bench: one learner (or admin) per connection, run as `wrk -t C -c C` so that every wrk thread
-- holds exactly one connection and its own Lua state can follow a learner's pages in order.
--
-- Environment:
--   BENCH_MODE     get | drill | quiz | final
--   BENCH_TOKENS   file with one bearer token per line (thread n uses line n, wrapping); absent: anonymous
--   BENCH_PATH     get: the path to request;  drill: the drill page;  quiz/final: the module's start path
--   BENCH_PATHS    get: a file of paths instead, thread n requesting line n (wrapping), e.g. each learner their own PDF
--   BENCH_OUT      file the per-kind figures are written to (one JSON object per kind and line)
--
-- Every request is timed here (CLOCK_MONOTONIC through LuaJIT's ffi) and recorded under its kind: get, card,
-- answer (the POST, its 303 not followed), feedback (the GET of the 303's Location), page (an attempt page),
-- start, submit. A reply other than the expected status counts as an error of its kind.

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } owlet_timespec;
  int clock_gettime(int clock, owlet_timespec *ts);
]]
local ts = ffi.new("owlet_timespec")
local function now_us()
  ffi.C.clock_gettime(1, ts)
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

local threads = {}
local next_id = 0

function setup(thread)
  next_id = next_id + 1
  thread:set("tid", next_id)
  table.insert(threads, thread)
end

-- ------------------------------------------------------------------ per thread

-- wrk copies only flat values out of a thread (thread:get of a nested table crashes it): one global per kind
KINDS = { "get", "card", "answer", "feedback", "start", "page", "submit", "idle" }
for _, k in ipairs(KINDS) do _G["lat_" .. k] = {}; _G["err_" .. k] = 0 end
acked = 0     -- answers acknowledged (303 to a feedback page)
failures = "" -- a few examples of unexpected replies, one per line
nfailures = 0

local mode, base_path, headers
local state, kind, t0, pending, expected
local form_action, form_body, submit_body, attempt_path

local function read_lines(file)
  local lines = {}
  local f = io.open(file, "r")
  if not f then return lines end
  for line in f:lines() do
    if line ~= "" then table.insert(lines, line) end
  end
  f:close()
  return lines
end

function init(args)
  mode = os.getenv("BENCH_MODE") or "get"
  base_path = os.getenv("BENCH_PATH") or "/"
  headers = { ["Accept"] = "text/html", ["Accept-Language"] = "en" }
  local tokens_file = os.getenv("BENCH_TOKENS")
  if tokens_file and tokens_file ~= "" then
    local tokens = read_lines(tokens_file)
    if #tokens > 0 then
      headers["Authorization"] = "Bearer " .. tokens[(tid - 1) % #tokens + 1]
    end
  end
  local paths_file = os.getenv("BENCH_PATHS")
  if paths_file and paths_file ~= "" then
    local paths = read_lines(paths_file)
    if #paths > 0 then base_path = paths[(tid - 1) % #paths + 1] end
  end
  if mode == "drill" then state = "card" elseif mode == "quiz" or mode == "final" then state = "start" else state = "get" end
end

local function unescape(s)
  return (s:gsub("&quot;", '"'):gsub("&#39;", "'"):gsub("&lt;", "<"):gsub("&gt;", ">"):gsub("&amp;", "&"))
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- the forms of a page: { action=..., inputs={ {name, type, value}, ... } }
local function forms_of(body)
  local forms = {}
  for attrs, inner in body:gmatch("<form(.-)>(.-)</form>") do
    local action = attrs:match('action="([^"]*)"')
    local form = { action = action and unescape(action) or "", inputs = {} }
    for tag in inner:gmatch("<input(.-)>") do
      local name = tag:match('name="([^"]*)"')
      if name and not tag:match("[%s\"]disabled") then
        table.insert(form.inputs, { name = name, type = tag:match('type="([^"]*)"') or "text",
          value = unescape(tag:match('value="([^"]*)"') or "") })
      end
    end
    table.insert(forms, form)
  end
  return forms
end

-- what a learner sends: every hidden field as rendered and one choice of each group (math.random is seeded per run
-- by wrk's Lua state; the choice does not matter for the load, only that the form is complete)
local function fill(form)
  local parts, groups, order = {}, {}, {}
  for _, input in ipairs(form.inputs) do
    if input.type == "hidden" then
      table.insert(parts, urlencode(input.name) .. "=" .. urlencode(input.value))
    elseif input.type == "radio" or input.type == "checkbox" then
      if not groups[input.name] then groups[input.name] = {}; table.insert(order, input.name) end
      table.insert(groups[input.name], input.value)
    end
  end
  for _, name in ipairs(order) do
    local values = groups[name]
    table.insert(parts, urlencode(name) .. "=" .. urlencode(values[math.random(#values)]))
  end
  return table.concat(parts, "&")
end

local function question_form(forms)
  for _, form in ipairs(forms) do
    for _, input in ipairs(form.inputs) do
      if input.name == "key" then return form end
    end
  end
  return nil
end

local function posting_to(forms, suffix)
  for _, form in ipairs(forms) do
    if form.action:sub(-#suffix) == suffix then return form end
  end
  return nil
end

local function path_of(location)
  return (location:gsub("^https?://[^/]+", ""))
end

local function go(k, method, path, body, status)
  kind, expected = k, status
  t0 = now_us()
  local h = headers
  if body then
    h = {}
    for name, value in pairs(headers) do h[name] = value end
    h["Content-Type"] = "application/x-www-form-urlencoded"
  end
  return wrk.format(method, path, h, body)
end

function request()
  if state == "get" then return go("get", "GET", base_path, nil, 200) end
  if state == "card" then return go("card", "GET", base_path, nil, 200) end
  if state == "answer" then return go("answer", "POST", form_action, form_body, 303) end
  if state == "feedback" then return go("feedback", "GET", pending, nil, 200) end
  if state == "start" then return go("start", "POST", base_path, "", 303) end
  if state == "page" then return go("page", "GET", attempt_path, nil, 200) end
  if state == "submit" then return go("submit", "POST", form_action, submit_body, 303) end
  -- "done": this learner sat their final; the connection idles on the authenticated no-op, not reported
  return go("idle", "GET", "/api/v1/me", nil, 200)
end

local function fail(status, why)
  _G["err_" .. kind] = _G["err_" .. kind] + 1
  nfailures = nfailures + 1
  if nfailures <= 5 then failures = failures .. kind .. " " .. status .. " " .. why .. "\n" end
end

function response(status, hdrs, body)
  local elapsed = now_us() - t0
  local list = _G["lat_" .. kind]
  list[#list + 1] = elapsed
  if status ~= expected then
    fail(status, "")
    -- start over from the module's first page (a final already submitted stays done)
    if mode == "drill" then
      state = "card"
    elseif mode == "quiz" or mode == "final" then
      state = (mode == "final" and (kind == "submit" or kind == "start")) and "done" or "start"
    end
    return
  end
  if kind == "card" or kind == "page" then
    local forms = forms_of(body)
    local question = question_form(forms)
    if question then
      form_action, form_body, state = question.action, fill(question), "answer"
    elseif kind == "page" then
      local submit = posting_to(forms, "/submit")
      if submit then
        form_action, submit_body, state = submit.action, fill(submit), "submit"
      else
        fail(status, "attempt page without question or submit"); state = "start"
      end
    else
      fail(status, "drill page without a question"); state = "card"
    end
  elseif kind == "answer" then
    local location = hdrs["Location"] or hdrs["location"] or ""
    if location:find("/feedback/") then acked = acked + 1 end
    pending, state = path_of(location), "feedback"
  elseif kind == "feedback" then
    state = (mode == "drill") and "card" or "page"
  elseif kind == "start" then
    attempt_path, state = path_of(hdrs["Location"] or hdrs["location"] or ""), "page"
  elseif kind == "submit" then
    state = (mode == "final") and "done" or "start"
  end
end

-- ------------------------------------------------------------------ the main thread, after the run

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  local i = math.ceil(p / 100 * #sorted)
  if i < 1 then i = 1 end
  return sorted[i]
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local total_acked = 0
  for _, thread in ipairs(threads) do
    total_acked = total_acked + (thread:get("acked") or 0)
    local f = thread:get("failures")
    if f and f ~= "" then io.stderr:write("[bench.lua] unexpected replies:\n" .. f) end
  end
  local out = io.open(os.getenv("BENCH_OUT") or "/dev/stdout", "a")
  for _, k in ipairs(KINDS) do
    local values, errors = {}, 0
    for _, thread in ipairs(threads) do
      for _, v in ipairs(thread:get("lat_" .. k) or {}) do values[#values + 1] = v end
      errors = errors + (thread:get("err_" .. k) or 0)
    end
    if #values > 0 then
      table.sort(values)
      out:write(string.format(
        '{"kind":"%s","count":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"errors":%d,' ..
        '"acked":%d,"socket_errors":%d}\n',
        k, #values, seconds, #values / seconds, percentile(values, 50) / 1000, percentile(values, 95) / 1000,
        percentile(values, 99) / 1000, errors, total_acked, socket_errors))
    end
  end
  out:close()
end
