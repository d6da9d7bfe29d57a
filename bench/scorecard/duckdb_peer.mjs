// The scorecard's aggregations in DuckDB (npm @duckdb/node-api), one SELECT
// over the CSV. Money is read as DECIMAL(18,2) so sums are exact; every
// figure is cast to text by DuckDB itself and printed as JSON {kpi: "text"}.
//
//   node duckdb_peer.mjs customers.csv      (run from the folder whose
//                                            node_modules has @duckdb/node-api)
import { DuckDBInstance } from '@duckdb/node-api';

const csv = process.argv[2];
if (!csv) {
  console.error('usage: node duckdb_peer.mjs customers.csv');
  process.exit(2);
}
const source = `read_csv('${csv.replaceAll("'", "''")}', header = true, auto_detect = false, columns = {
  'customer_id': 'VARCHAR', 'segment': 'VARCHAR', 'monthly_revenue': 'DECIMAL(18,2)',
  'nps': 'INTEGER', 'churned': 'BOOLEAN', 'support_calls': 'INTEGER'})`;
const sql = `SELECT
  CAST(count(*) AS VARCHAR) AS customer_count,
  CAST(sum(monthly_revenue) AS VARCHAR) AS revenue,
  CAST(avg(monthly_revenue) AS VARCHAR) AS arpu,
  CAST(quantile_cont(monthly_revenue, 0.5) AS VARCHAR) AS median_revenue,
  CAST(quantile_cont(monthly_revenue, 0.9) AS VARCHAR) AS p90_revenue,
  CAST(sum(monthly_revenue) FILTER (WHERE segment = 'enterprise') AS VARCHAR) AS enterprise_revenue,
  CAST(avg(CASE WHEN churned THEN 1 ELSE 0 END) FILTER (WHERE churned IS NOT NULL) AS VARCHAR) AS churn,
  CAST(count(*) FILTER (WHERE nps >= 9) / count(nps) AS VARCHAR) AS promoters,
  CAST(avg(nps) AS VARCHAR) AS mean_nps,
  CAST(count(*) FILTER (WHERE support_calls >= 5) AS VARCHAR) AS heavy_callers,
  CAST(avg(support_calls) FILTER (WHERE segment = 'small_business') AS VARCHAR) AS smb_calls
FROM ${source}`;

const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const reader = await connection.runAndReadAll(sql);
const [row] = reader.getRowObjects();
console.log(JSON.stringify(row));
