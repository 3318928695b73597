import { openBenchDataset } from '@/scripts/bench/dataset';
const started = performance.now();
const { connection, db } = await openBenchDataset('postgres://postgres@127.0.0.1:5432/postgres', 10_000_000, (m) => console.log(new Date().toISOString(), m), 1000);
console.log('done in', ((performance.now() - started) / 1000).toFixed(0), 's');
await db.$disconnect();
await connection.close();
