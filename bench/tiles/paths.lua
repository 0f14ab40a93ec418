-- wrk script: cycles through the fixed tile list (one "z/x/y" per line), GET <prefix>/<z/x/y>.mvt.
-- Thread t of T (T from $THREADS) starts at floor(t * n / T), as the clients of TileBench (raw and http) do, so
-- that every load of the benchmark asks for the same sequence of tiles.
local threads = {}
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local paths = {}
local i = 0
function init(args)
  local prefix = os.getenv("TILE_PREFIX") or "/tiles/buildings"
  for line in io.lines(os.getenv("TILE_LIST") or "tiles.txt") do
    paths[#paths + 1] = prefix .. "/" .. line .. ".mvt"
  end
  i = math.floor((offset or 0) * #paths / tonumber(os.getenv("THREADS") or "2"))
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

done = function(summary, latency, requests)
  io.write(string.format("http_tiles_per_s=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
