-- wrk script: POST a distinct civil comment per request as one reader (token in PARLEY_TOKEN).
local counter = 0
local token = os.getenv("PARLEY_TOKEN")
local path = os.getenv("PARLEY_PATH")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  counter = counter + 1
  local body = string.format('{"body":"Benchmark remark %d-%d on the transit clause and its wording."}',
    math.random(1, 1000000000), counter)
  return wrk.format(nil, path, nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx or socket errors: %d\n",
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
