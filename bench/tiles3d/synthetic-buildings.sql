-- Synthetic buildings for the 3D Tiles benchmark: :n rotated rectangles over the Vũng Tàu peninsula, deterministic
-- for a given :seed. 70 % are clustered round the old ward centroids (pilot-city.md §2), 30 % spread uniformly;
-- height follows levels by use; ground elevation is 3 m plus two Gaussian hills standing for Núi Lớn (245 m) and
-- Núi Nhỏ (170 m). Usage: psql -v n=60000 -v seed=0.42 -f synthetic-buildings.sql (replaces city.buildings).
\set ON_ERROR_STOP on
SET max_parallel_workers_per_gather = 0;  -- random() must run in one process to be repeatable
SELECT setseed(:seed);
TRUNCATE city.buildings;
WITH wards(k, lat, lon) AS (VALUES
  (1, 10.349, 107.075), (2, 10.333, 107.080), (3, 10.351, 107.081), (4, 10.356, 107.078), (5, 10.372, 107.066),
  (6, 10.366, 107.082), (7, 10.356, 107.090), (8, 10.350, 107.094), (9, 10.365, 107.096), (10, 10.378, 107.115),
  (11, 10.400, 107.135), (12, 10.430, 107.140), (13, 10.380, 107.095), (14, 10.339, 107.088), (15, 10.393, 107.108),
  (16, 10.366, 107.108)),
uses(k, use_type, lo, hi) AS (VALUES
  (0, 'residential', 1, 4), (1, 'shophouse', 3, 6), (2, 'villa', 1, 3), (3, 'apartment', 8, 30),
  (4, 'hotel', 5, 40), (5, 'commercial', 2, 12), (6, 'office', 4, 25), (7, 'industrial', 1, 3),
  (8, 'education', 2, 5), (9, 'health', 2, 10), (10, 'religious', 1, 3), (11, 'public', 2, 6)),
draws AS (
  SELECT g AS id, random() AS pick, random() AS ward_pick, random() AS u1, random() AS u2, random() AS ux,
         random() AS uy, random() AS use_pick, random() AS lv, random() AS w, random() AS d, random() AS angle,
         random() AS yr
  FROM generate_series(1, :n) g),
placed AS (
  SELECT d.*, w.k AS ward_k,
         CASE WHEN d.pick < 0.7 THEN w.lon + 0.008 * sqrt(-2 * ln(greatest(d.u1, 1e-12))) * cos(2 * pi() * d.u2)
              ELSE 107.06 + 0.11 * d.ux END AS lon,
         CASE WHEN d.pick < 0.7 THEN w.lat + 0.008 * sqrt(-2 * ln(greatest(d.u1, 1e-12))) * sin(2 * pi() * d.u2)
              ELSE 10.315 + 0.125 * d.uy END AS lat,
         -- skewed towards homes and shophouses, like a Vietnamese city
         CASE WHEN d.use_pick < 0.45 THEN 0 WHEN d.use_pick < 0.70 THEN 1 ELSE 2 + floor((d.use_pick - 0.70) / 0.30 * 10)::int END AS use_k
  FROM draws d JOIN wards w ON w.k = 1 + floor(d.ward_pick * 16)::int),
shaped AS (
  SELECT p.*, u.use_type, greatest(1, u.lo + floor(p.lv * p.lv * (u.hi - u.lo + 1))::int) AS levels,
         CASE WHEN u.use_type IN ('industrial', 'hotel', 'apartment', 'office') THEN 20 + 40 * p.w ELSE 5 + 12 * p.w END AS width_m,
         CASE WHEN u.use_type IN ('industrial', 'hotel', 'apartment', 'office') THEN 20 + 50 * p.d ELSE 8 + 20 * p.d END AS depth_m
  FROM placed p JOIN uses u ON u.k = least(p.use_k, 11))
INSERT INTO city.buildings (id, name, use_type, levels, height, ward, year_built, ground_elev, geom)
SELECT s.id,
       CASE WHEN s.use_type = 'hotel' THEN 'Khách sạn ' || s.id END,
       s.use_type, s.levels,
       round((s.levels * 3.3 + CASE WHEN s.use_type = 'industrial' THEN 4 ELSE 0.6 END)::numeric, 1),
       'Phường ' || s.ward_k,
       (1960 + floor(s.yr * 66))::smallint,
       round((3 + 242 * exp(-((s.lat - 10.362)^2 + (s.lon - 107.072)^2) / (2 * 0.006^2))
                + 167 * exp(-((s.lat - 10.330)^2 + (s.lon - 107.080)^2) / (2 * 0.004^2)))::numeric, 2),
       ST_SetSRID(ST_Translate(
         ST_Scale(ST_Rotate(ST_MakeEnvelope(-s.width_m / 2, -s.depth_m / 2, s.width_m / 2, s.depth_m / 2), s.angle * pi()),
                  1 / (111320 * cos(radians(s.lat))), 1 / 110574.0),
         s.lon, s.lat), 4326)
FROM shaped s;
ANALYZE city.buildings;
SELECT count(*) AS buildings, round(avg(height)::numeric, 1) AS avg_height_m, max(height) AS max_height_m
FROM city.buildings;
