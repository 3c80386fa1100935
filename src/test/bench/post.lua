-- wrk script: POST a distinct civil comment per request as one reader (token in PARLEY_TOKEN,
-- path in PARLEY_PATH) and report the answers by HTTP status.
local threads = {}
local token = os.getenv("PARLEY_TOKEN")
local path = os.getenv("PARLEY_PATH")

setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

init = function(args)
  counter = 0
  statuses = {}
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. token
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"body":"The customs figures for 2023 show trade growing, as the article says (%d-%d)."}', id, counter)
  return wrk.format(nil, path, nil, body)
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
