import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../generated/prisma/client';
import { databaseUrl, ensureDatabaseDir } from './database-url';

/** The application's single PrismaClient. Only repositories in this folder use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnApplicationShutdown {
  constructor() {
    const url = databaseUrl();
    ensureDatabaseDir(url);
    super({ adapter: new PrismaBetterSqlite3({ url }) });
  }

  async onModuleInit(): Promise<void> {
    await this.$connect();
    // Write-ahead log: a commit appends to the log instead of rewriting pages through a rollback journal,
    // and with synchronous=NORMAL it is not fsynced. A crashed process loses nothing committed; a power
    // loss may lose the last commits but never corrupts the database (https://sqlite.org/wal.html).
    await this.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await this.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  }

  /** Shutdown (not module destroy): attempts flush their snapshots in beforeApplicationShutdown first. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
