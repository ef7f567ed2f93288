import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../generated/prisma/client';
import { databaseFile, databaseUrl, ensureDatabaseDir } from './database-url';
import { WalCheckpointer } from './wal-checkpointer';

/** The application's single PrismaClient. Only repositories in this folder use it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit, OnApplicationShutdown {
  private readonly file: string | null;
  /** Checkpoints the write-ahead log off the event loop (file databases only). */
  checkpointer?: WalCheckpointer;

  constructor() {
    const url = databaseUrl();
    ensureDatabaseDir(url);
    super({ adapter: new PrismaBetterSqlite3({ url }) });
    this.file = databaseFile(url);
  }

  async onModuleInit(): Promise<void> {
    await this.$connect();
    // Write-ahead log: a commit appends to the log instead of rewriting pages through a rollback journal,
    // and with synchronous=NORMAL it is not fsynced. A crashed process loses nothing committed; a power
    // loss may lose the last commits but never corrupts the database (https://sqlite.org/wal.html).
    await this.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    await this.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
    if (this.file) {
      await this.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 0');
      this.checkpointer = new WalCheckpointer(this.file, () => void this.$queryRawUnsafe('PRAGMA wal_autocheckpoint = 1000').catch(() => undefined));
    }
  }

  /** Shutdown (not module destroy): attempts flush their snapshots in beforeApplicationShutdown first. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
    await this.checkpointer?.stop();
  }
}
