-- wrk script: rotates over the URLs listed in the file named by WRK_URLS (one path per line),
-- so caches show their real hit rate, and prints one machine-readable RESULT line at the end.
local urls = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("WRK_URLS")) do
    if #line > 0 then urls[#urls + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16))
  counter = math.random(#urls)
end

function request()
  counter = counter % #urls + 1
  return wrk.format("GET", urls[counter])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"seconds":%.3f,"errors":%d,"non2xx":%d,"p50":%.2f,"p95":%.2f,"p99":%.2f}\n',
    summary.requests, summary.duration / 1e6, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
