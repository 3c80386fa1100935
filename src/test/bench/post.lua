-- wrk script: POST a distinct civil comment per request as one reader (token in PARLEY_TOKEN,
-- path in PARLEY_PATH) and report the answers by HTTP status. PARLEY_POST_PERCENT (default 100)
-- mixes in reads: the other requests GET a page of the same thread in a random sort order.
-- PARLEY_IDEMPOTENCY_KEYS=1 sends an Idempotency-Key with every post.
local threads = {}
local token = os.getenv("PARLEY_TOKEN")
local path = os.getenv("PARLEY_PATH")
local post_percent = tonumber(os.getenv("PARLEY_POST_PERCENT") or "100")
local keys = os.getenv("PARLEY_IDEMPOTENCY_KEYS") == "1"
local sorts = { "newest", "oldest", "top", "replies" }

setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

init = function(args)
  counter = 0
  statuses = {}
  math.randomseed(id * 7919)
end

request = function()
  counter = counter + 1
  if post_percent < 100 and math.random(100) > post_percent then
    return wrk.format("GET", path .. "&limit=20&sort=" .. sorts[math.random(#sorts)], nil, nil)
  end
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
  if keys then
    headers["Idempotency-Key"] = string.format("wrk-%d-%d-%d", os.time(), id, counter)
  end
  local body = string.format(
    '{"body":"The customs figures for 2023 show trade growing, as the article says (%d-%d)."}', id, counter)
  return wrk.format("POST", path, headers, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + n
    end
  end
  for status, n in pairs(totals) do
    io.write(string.format("HTTP %d: %d\n", status, n))
  end
end
