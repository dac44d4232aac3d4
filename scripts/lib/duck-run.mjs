// Runs one SQL file in DuckDB (in memory) and prints the first row as JSON: the DuckDB side of bench-metrics.mjs,
// in its own process so its time and peak memory are measured like the CLI's.
import {readFileSync} from 'node:fs'
import {DuckDBInstance} from '@duckdb/node-api'

const sql = readFileSync(process.argv[2], 'utf8')
const db = await DuckDBInstance.create(':memory:', {threads: process.env.DUCK_THREADS ?? '2'})
const connection = await db.connect()
const reader = await connection.runAndReadAll(sql)
process.stdout.write(JSON.stringify(reader.getRowObjectsJson()[0]) + '\n')
