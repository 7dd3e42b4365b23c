-- A lean request path (issue 8, decision 0009).
--
-- app_tenant_id() reads the transaction's `app.tenant_id` setting, which PostgreSQL copies to parallel
-- workers with the rest of the transaction's settings (the role too), so every worker sees the same
-- tenant. Declared PARALLEL UNSAFE (the default), it kept every query under row-level security from
-- using parallel workers: a city's summary over a million field records ran on one core.
ALTER FUNCTION app_tenant_id() PARALLEL SAFE;
