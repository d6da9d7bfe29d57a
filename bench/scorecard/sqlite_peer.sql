-- The scorecard's aggregations in SQLite (the sqlite3 command-line tool),
-- after importing the CSV into a typed table. run.sh feeds this file after
-- an `.import` of the CSV. Money is summed as integer cents (exact); an empty
-- nps cell is imported as '' and read as NULL. Percentiles take the two
-- closest ranks and interpolate linearly (cxv's definition). Prints
-- `kpi|value` lines.
CREATE TEMP VIEW v AS
  SELECT segment, monthly_revenue, CAST(round(monthly_revenue * 100) AS INTEGER) AS cents,
         CASE WHEN nps = '' THEN NULL ELSE CAST(nps AS INTEGER) END AS nps,
         churned = 'true' AS churned, support_calls
  FROM customers;
CREATE TEMP TABLE totals AS
  SELECT count(*) AS n, sum(cents) AS cents, sum(cents) FILTER (WHERE segment = 'enterprise') AS enterprise_cents
  FROM v;
CREATE TEMP TABLE sorted AS SELECT cents FROM v ORDER BY cents;
-- The p quantile: x[lo] + (h - lo) * (x[lo + 1] - x[lo]) with h = (n - 1) * p (rowid is rank + 1).
CREATE TEMP VIEW quantile AS
  SELECT p, lo, h, (SELECT cents FROM sorted WHERE rowid = lo + 1) AS x_lo,
         coalesce((SELECT cents FROM sorted WHERE rowid = lo + 2), (SELECT cents FROM sorted WHERE rowid = lo + 1)) AS x_hi
  FROM (SELECT p, (n - 1) * p AS h, CAST((n - 1) * p AS INTEGER) AS lo FROM totals, (SELECT 0.5 AS p UNION ALL SELECT 0.9));
.mode list
.separator |
SELECT 'customer_count', n FROM totals;
SELECT 'revenue', printf('%d.%02d', cents / 100, cents % 100) FROM totals;
SELECT 'arpu', printf('%.12f', cents / 100.0 / n) FROM totals;
SELECT 'median_revenue', printf('%.6f', (x_lo + (h - lo) * (x_hi - x_lo)) / 100.0) FROM quantile WHERE p = 0.5;
SELECT 'p90_revenue', printf('%.6f', (x_lo + (h - lo) * (x_hi - x_lo)) / 100.0) FROM quantile WHERE p = 0.9;
SELECT 'enterprise_revenue', printf('%d.%02d', enterprise_cents / 100, enterprise_cents % 100) FROM totals;
SELECT 'churn', printf('%.15f', avg(churned)) FROM v;
SELECT 'promoters', printf('%.15f', 1.0 * count(*) FILTER (WHERE nps >= 9) / count(nps)) FROM v;
SELECT 'mean_nps', printf('%.15f', avg(nps)) FROM v;
SELECT 'heavy_callers', count(*) FROM v WHERE support_calls >= 5;
SELECT 'smb_calls', printf('%.15f', avg(support_calls)) FROM v WHERE segment = 'small_business';
