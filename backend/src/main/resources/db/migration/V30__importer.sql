-- Imports (package importer): ogr2ogr writes each job's rows here, one table per job (import_staging.job_<id>),
-- before the edit model checks them and one transaction writes them into city.<layer>. Not a layer schema: the
-- catalog discovers only schema city. Job tables are dropped when their job ends.
CREATE SCHEMA IF NOT EXISTS import_staging;
