-- The web benchmark's wrk script: every request from another client address (the bench's
-- gunicorn trusts one proxy, so rate limits per address, e.g. certificate lookups, never
-- answer 429), and a one-line JSON summary at the end for bench/wrk.py to read.
local thread_count = 0
local counter = 0

setup = function(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
end

request = function()
  counter = counter + 1
  local address = string.format("127.%d.%d.%d", tid or 0, math.floor(counter / 250) % 250, counter % 250 + 1)
  local headers = {}
  for name, value in pairs(wrk.headers) do  -- the -H headers (session cookie, Cache-Control) stay
    headers[name] = value
  end
  headers["X-Forwarded-For"] = address
  return wrk.format(nil, nil, headers)
end

done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p99_us": %d, ' ..
    '"errors": %d, "status_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(99),
    summary.errors.connect + summary.errors.read + summary.errors.write,
    summary.errors.status, summary.errors.timeout))
end
