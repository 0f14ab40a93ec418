-- The city's feature layers. Geometry is EPSG:4326 (lon/lat), every table has a GiST index on geom and a
-- bigint id that is the feature id in every protocol.

CREATE TABLE city.wards (
  id bigint PRIMARY KEY, code text NOT NULL, name text NOT NULL, name_en text, kind text NOT NULL,
  merged_from text, area_km2 double precision, population integer,
  geom geometry(MultiPolygon, 4326) NOT NULL);

CREATE TABLE city.land_use (
  id bigint PRIMARY KEY, zone_code text, class text NOT NULL, name text,
  max_height double precision,  -- zoning height limit in metres, null where none
  max_far double precision,     -- zoning floor-area-ratio limit
  geom geometry(MultiPolygon, 4326) NOT NULL);

CREATE TABLE city.water (
  id bigint PRIMARY KEY, name text, kind text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL);

CREATE TABLE city.roads (
  id bigint PRIMARY KEY, name text, class text NOT NULL, lanes smallint, oneway boolean NOT NULL DEFAULT false,
  width double precision,
  geom geometry(LineString, 4326) NOT NULL);

CREATE TABLE city.buildings (
  id bigint PRIMARY KEY, name text, use_type text NOT NULL, levels smallint NOT NULL CHECK (levels > 0),
  height double precision NOT NULL CHECK (height > 0), ward text, year_built smallint,
  ground_elev double precision,  -- metres above mean sea level at the footprint centroid, from the DEM
  address text,
  geom geometry(Polygon, 4326) NOT NULL);

CREATE TABLE city.parks (
  id bigint PRIMARY KEY, name text, kind text NOT NULL,
  geom geometry(MultiPolygon, 4326) NOT NULL);

CREATE TABLE city.schools (
  id bigint PRIMARY KEY, name text NOT NULL, level text NOT NULL, students integer, ward text,
  geom geometry(Point, 4326) NOT NULL);

CREATE TABLE city.hospitals (
  id bigint PRIMARY KEY, name text NOT NULL, kind text NOT NULL, beds integer, ward text,
  geom geometry(Point, 4326) NOT NULL);

CREATE TABLE city.markets (
  id bigint PRIMARY KEY, name text NOT NULL, ward text,
  geom geometry(Point, 4326) NOT NULL);

CREATE TABLE city.hotels (
  id bigint PRIMARY KEY, name text NOT NULL, stars smallint, rooms integer, ward text,
  geom geometry(Point, 4326) NOT NULL);

CREATE TABLE city.tourist_sites (
  id bigint PRIMARY KEY, name text NOT NULL, name_en text, kind text NOT NULL, description text,
  geom geometry(Point, 4326) NOT NULL);

CREATE TABLE city.cameras (
  id bigint PRIMARY KEY, code text NOT NULL, kind text NOT NULL, ward text,
  geom geometry(Point, 4326) NOT NULL);

CREATE TABLE city.sensor_stations (
  id bigint PRIMARY KEY, code text NOT NULL, name text, kind text NOT NULL, ward text,
  geom geometry(Point, 4326) NOT NULL);

-- Time-stamped: street flooding reported by the IOC (makes the WMS TIME dimension and datetime= meaningful).
CREATE TABLE city.flood_reports (
  id bigint PRIMARY KEY, street text, depth_cm integer NOT NULL, reported_at timestamptz NOT NULL,
  duration_min integer,
  geom geometry(Point, 4326) NOT NULL);
CREATE INDEX flood_reports_time ON city.flood_reports (reported_at);

-- Ground elevation: one float32 grid (little-endian, row-major, row 0 at the SOUTH edge, column 0 at the WEST
-- edge), cell centres at west + (col + 0.5) * cell_deg, south + (row + 0.5) * cell_deg; metres above mean sea level,
-- negative offshore.
CREATE TABLE terrain.dem (
  id integer PRIMARY KEY, name text NOT NULL, ncols integer NOT NULL, nrows integer NOT NULL,
  west double precision NOT NULL, south double precision NOT NULL, cell_deg double precision NOT NULL,
  heights bytea NOT NULL);

INSERT INTO citytwin.catalog (layer_id, title_vi, title_en, abstract_vi, abstract_en, default_style, min_zoom,
                              tile_fields, time_column, height_column, layer_group, editable, sort_order) VALUES
 ('water', 'Mặt nước', 'Water', 'Biển, hồ, sông và kênh rạch', 'Sea, lakes, rivers and canals', 'water', 0,
   NULL, NULL, NULL, 'basemap', false, 10),
 ('land_use', 'Sử dụng đất', 'Land use', 'Phân khu chức năng theo quy hoạch', 'Land-use zones of the master plan', 'land_use', 10,
   NULL, NULL, NULL, 'basemap', true, 20),
 ('parks', 'Công viên và cây xanh', 'Parks and green space', 'Công viên, quảng trường, rừng', 'Parks, squares and forest', 'parks', 11,
   NULL, NULL, NULL, 'basemap', true, 30),
 ('wards', 'Phường, xã', 'Wards and communes', 'Đơn vị hành chính cấp xã từ 1/7/2025', 'Commune-level units since 1 July 2025', 'wards', 0,
   NULL, NULL, NULL, 'basemap', false, 40),
 ('roads', 'Đường giao thông', 'Roads', 'Mạng lưới đường bộ', 'Road network', 'roads', 10,
   ARRAY['name','class','lanes','oneway'], NULL, NULL, 'basemap', true, 50),
 ('buildings', 'Công trình xây dựng', 'Buildings', 'Đường bao công trình với số tầng và chiều cao', 'Building footprints with levels and height', 'buildings', 13,
   ARRAY['name','use_type','levels','height','ward','year_built'], NULL, 'height', 'basemap', true, 60),
 ('schools', 'Trường học', 'Schools', 'Trường mầm non, tiểu học, THCS, THPT, đại học', 'Kindergartens, primary, secondary schools and universities', 'schools', 11,
   NULL, NULL, NULL, NULL, true, 70),
 ('hospitals', 'Bệnh viện và trạm y tế', 'Hospitals and clinics', 'Cơ sở khám chữa bệnh', 'Hospitals, clinics and health stations', 'hospitals', 11,
   NULL, NULL, NULL, NULL, true, 71),
 ('markets', 'Chợ', 'Markets', 'Chợ dân sinh', 'Markets', 'markets', 12, NULL, NULL, NULL, NULL, true, 72),
 ('hotels', 'Khách sạn', 'Hotels', 'Cơ sở lưu trú du lịch', 'Tourist accommodation', 'hotels', 13, NULL, NULL, NULL, NULL, false, 73),
 ('tourist_sites', 'Điểm du lịch', 'Tourist sites', 'Danh lam thắng cảnh, di tích', 'Landmarks and sights', 'tourist_sites', 10,
   NULL, NULL, NULL, NULL, false, 74),
 ('cameras', 'Camera giám sát', 'Surveillance cameras', 'Camera an ninh và giao thông kết nối IOC', 'Security and traffic cameras connected to the IOC', 'cameras', 13,
   NULL, NULL, NULL, NULL, false, 80),
 ('sensor_stations', 'Trạm quan trắc', 'Sensor stations', 'Trạm quan trắc không khí, mực nước, giao thông, tiếng ồn', 'Air quality, water level, traffic and noise stations', 'sensor_stations', 10,
   NULL, NULL, NULL, NULL, false, 81),
 ('flood_reports', 'Điểm ngập', 'Flood reports', 'Điểm ngập do IOC ghi nhận', 'Street flooding recorded by the IOC', 'flood_reports', 10,
   NULL, 'reported_at', NULL, NULL, false, 90)
ON CONFLICT (layer_id) DO NOTHING;
-- cameras are security data: not on the public portal
UPDATE citytwin.catalog SET is_public = false WHERE layer_id = 'cameras';

-- Indexes and data-version triggers (after the catalog rows, which track_layer would otherwise pre-empt).
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['wards','land_use','water','roads','buildings','parks','schools','hospitals','markets',
                           'hotels','tourist_sites','cameras','sensor_stations','flood_reports'] LOOP
    EXECUTE format('CREATE INDEX %I ON city.%I USING gist (geom)', t || '_geom', t);
    PERFORM citytwin.track_layer(format('city.%I', t)::regclass);
  END LOOP;
END $$;
CREATE INDEX buildings_use ON city.buildings (use_type);

