export { getDb, getConnection, createPrismaClient, installConnection, hasDb, type Db } from './client';
export { openConnection, openPglite, type Connection } from './connection';
export { Prisma } from '@/lib/generated/prisma/client';
