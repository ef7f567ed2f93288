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
  }

  /** Shutdown (not module destroy): attempts flush their snapshots in beforeApplicationShutdown first. */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
