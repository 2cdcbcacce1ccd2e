-- wrk script of .ci/benchmark: one learner (or admin) per connection, run as `wrk -t C -c C` so that every wrk thread
-- holds exactly one connection and its own Lua state can follow a learner's pages in order.
--
-- Environment:
--   BENCH_MODE     get | drill | quiz | final
--   BENCH_TOKENS   file with one bearer token per line (thread n uses line n, wrapping); absent: anonymous
--   BENCH_PATH     get: the path to request;  drill: the drill page;  quiz/final: the module's start path
--   BENCH_PATHS    get: a file of paths instead, thread n requesting line n (wrapping), e.g. each learner their own PDF
--   BENCH_OUT      file the per-kind figures are written to (one JSON object per kind and line)
--   BENCH_SECONDS  the run's duration (wrk -d): learners send no new answer in its last third (at most 2 s), so no
--                  answer is still in flight when wrk stops and "stored = acknowledged" can be checked exactly
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

-- wrk's thread:get copies tables badly (each call pops one value too many off the thread's stack and crashes it
-- after a few calls), so every figure lives in a number global: a latency histogram per kind in buckets of 2 %
-- (h_<kind>_<bucket>, bucket = floor(50 ln(microseconds))), its lowest and highest bucket, and the error count
KINDS = { "get", "card", "answer", "feedback", "start", "page", "submit", "idle" }
for _, k in ipairs(KINDS) do _G["err_" .. k] = 0; _G["n_" .. k] = 0; _G["lo_" .. k] = 1e9; _G["hi_" .. k] = -1 end
refused = 0   -- finals a learner was not admitted to (409)
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

local stop_at = math.huge

function init(args)
  mode = os.getenv("BENCH_MODE") or "get"
  local seconds = tonumber(os.getenv("BENCH_SECONDS") or "")
  if seconds then stop_at = now_us() + (seconds - math.min(2, seconds / 3)) * 1000000 end
  base_path = os.getenv("BENCH_PATH") or "/"
  headers = { ["Accept"] = "text/html,application/json;q=0.9,*/*;q=0.8", ["Accept-Language"] = "en" }
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
  if state ~= "get" and state ~= "done" and now_us() > stop_at then state = "done" end
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
  local bucket = math.floor(50 * math.log(math.max(elapsed, 1)))
  local name = "h_" .. kind .. "_" .. bucket
  _G[name] = (_G[name] or 0) + 1
  _G["n_" .. kind] = _G["n_" .. kind] + 1
  if bucket < _G["lo_" .. kind] then _G["lo_" .. kind] = bucket end
  if bucket > _G["hi_" .. kind] then _G["hi_" .. kind] = bucket end
  if status ~= expected then
    if mode == "final" and kind == "start" and status == 409 then
      -- the final's gate is not met for this learner: not an error of the app, reported as such
      refused = refused + 1
      state = "done"
      return
    end
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
    -- the 303 acknowledges the answer: to its feedback (drills, quizzes) or, in a final, back to the attempt
    local location = hdrs["Location"] or hdrs["location"] or ""
    acked = acked + 1
    if location:find("/feedback/") then
      pending, state = path_of(location), "feedback"
    else
      attempt_path, state = path_of(location), "page"
    end
  elseif kind == "feedback" then
    state = (mode == "drill") and "card" or "page"
  elseif kind == "start" then
    attempt_path, state = path_of(hdrs["Location"] or hdrs["location"] or ""), "page"
  elseif kind == "submit" then
    state = (mode == "final") and "done" or "start"
  end
end

-- ------------------------------------------------------------------ the main thread, after the run

-- the value at percentile p of a merged histogram (bucket -> count), as the bucket's middle in microseconds
local function percentile(histogram, lo, hi, total, p)
  local rank, seen = math.max(1, math.ceil(p / 100 * total)), 0
  for b = lo, hi do
    seen = seen + (histogram[b] or 0)
    if seen >= rank then return math.exp((b + 0.5) / 50) end
  end
  return 0
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local total_acked, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_acked = total_acked + (thread:get("acked") or 0)
    total_refused = total_refused + (thread:get("refused") or 0)
    local f = thread:get("failures")
    if f and f ~= "" then io.stderr:write("[bench.lua] unexpected replies:\n" .. f) end
  end
  local out = io.open(os.getenv("BENCH_OUT") or "/dev/stdout", "a")
  for _, k in ipairs(KINDS) do
    local histogram, total, errors, lo, hi = {}, 0, 0, 1e9, -1
    for _, thread in ipairs(threads) do
      local n = thread:get("n_" .. k) or 0
      if n > 0 then
        local tlo, thi = thread:get("lo_" .. k), thread:get("hi_" .. k)
        for b = tlo, thi do
          local c = thread:get("h_" .. k .. "_" .. b)
          if c then histogram[b] = (histogram[b] or 0) + c end
        end
        if tlo < lo then lo = tlo end
        if thi > hi then hi = thi end
        total = total + n
      end
      errors = errors + (thread:get("err_" .. k) or 0)
    end
    if total > 0 then
      -- a flow's requests stopped with its answers, in the run's last third: its rate is over the time before
      local active = seconds
      local configured = tonumber(os.getenv("BENCH_SECONDS") or "")
      if k ~= "get" and k ~= "idle" and configured then active = math.min(seconds, configured - math.min(2, configured / 3)) end
      out:write(string.format(
        '{"kind":"%s","count":%d,"seconds":%.3f,"rps":%.1f,"p50_ms":%.2f,"p95_ms":%.2f,"p99_ms":%.2f,"errors":%d,' ..
        '"acked":%d,"socket_errors":%d,"refused":%d}\n',
        k, total, active, total / active, percentile(histogram, lo, hi, total, 50) / 1000,
        percentile(histogram, lo, hi, total, 95) / 1000, percentile(histogram, lo, hi, total, 99) / 1000, errors,
        total_acked, socket_errors, total_refused))
    end
  end
  out:close()
end
