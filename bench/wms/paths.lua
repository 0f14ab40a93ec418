-- wrk script: cycles through the fixed tile list ("z/x/y minx,miny,maxx,maxy" per line), one GetMap 256×256 PNG
-- in EPSG:3857 per tile, and sums the server's Server-Timing phases (db, decode, draw, encode) over all responses.
local paths = {}
local i = 0
local query = os.getenv("WMS_QUERY") or "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=basemap&STYLES="
for line in io.lines(os.getenv("TILE_LIST") or "tiles.txt") do
  local bbox = line:match("%S+%s+(%S+)")
  paths[#paths + 1] = "/wms?" .. query .. "&CRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png&BBOX=" .. bbox
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  db, decode, draw, encode, timed = 0, 0, 0, 0, 0
end

request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end

response = function(status, headers, body)
  local t = headers["Server-Timing"] or headers["server-timing"]
  if t then
    db = db + tonumber(t:match("db;dur=([%d.]+)"))
    decode = decode + tonumber(t:match("decode;dur=([%d.]+)"))
    draw = draw + tonumber(t:match("draw;dur=([%d.]+)"))
    encode = encode + tonumber(t:match("encode;dur=([%d.]+)"))
    timed = timed + 1
  end
end

done = function(summary, latency, requests)
  local sdb, sdecode, sdraw, sencode, n = 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    sdb = sdb + t:get("db")
    sdecode = sdecode + t:get("decode")
    sdraw = sdraw + t:get("draw")
    sencode = sencode + t:get("encode")
    n = n + t:get("timed")
  end
  local total = sdb + sdecode + sdraw + sencode
  io.write(string.format("http_maps_per_s=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
  if n > 0 and total > 0 then
    io.write(string.format("mean_ms db=%.2f decode=%.2f draw=%.2f encode=%.2f; share db=%.0f%% decode=%.0f%% "
      .. "draw=%.0f%% encode=%.0f%%\n", sdb / n, sdecode / n, sdraw / n, sencode / n, 100 * sdb / total,
      100 * sdecode / total, 100 * sdraw / total, 100 * sencode / total))
  end
end
