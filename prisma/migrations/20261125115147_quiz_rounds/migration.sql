-- CreateTable
CREATE TABLE "RevokedToken" (
    "jti" TEXT NOT NULL PRIMARY KEY,
    "playerId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RevokedToken_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "playerId" TEXT NOT NULL,
    "topic" TEXT,
    "seed" INTEGER NOT NULL,
    "questionIds" TEXT NOT NULL,
    "openFor" TEXT,
    "state" TEXT NOT NULL,
    "score" INTEGER NOT NULL DEFAULT 0,
    "answerMs" INTEGER NOT NULL DEFAULT 0,
    "week" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "clockFrom" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    CONSTRAINT "QuizRound_playerId_fkey" FOREIGN KEY ("playerId") REFERENCES "Player" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuizRoundAnswer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "roundId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,
    "elapsedMs" INTEGER NOT NULL,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizRoundAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "QuizRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TimelineEntry" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attemptId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "atMs" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    CONSTRAINT "TimelineEntry_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CommandLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "attemptId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "command" TEXT NOT NULL,
    "stdout" TEXT NOT NULL,
    "stderr" TEXT NOT NULL,
    "exitCode" INTEGER NOT NULL,
    "virtualMs" INTEGER NOT NULL,
    "timelineSeq" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommandLog_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "Attempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CommandLog" ("attemptId", "command", "createdAt", "exitCode", "id", "seq", "stderr", "stdout", "virtualMs") SELECT "attemptId", "command", "createdAt", "exitCode", "id", "seq", "stderr", "stdout", "virtualMs" FROM "CommandLog";
DROP TABLE "CommandLog";
ALTER TABLE "new_CommandLog" RENAME TO "CommandLog";
CREATE UNIQUE INDEX "CommandLog_attemptId_seq_key" ON "CommandLog"("attemptId", "seq");
CREATE TABLE "new_Player" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "role" TEXT NOT NULL DEFAULT 'learner',
    "guest" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tokenGeneration" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Player" ("createdAt", "guest", "id", "name", "passwordHash", "role") SELECT "createdAt", "guest", "id", "name", "passwordHash", "role" FROM "Player";
DROP TABLE "Player";
ALTER TABLE "new_Player" RENAME TO "Player";
CREATE UNIQUE INDEX "Player_name_key" ON "Player"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RevokedToken_expiresAt_idx" ON "RevokedToken"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuizRound_openFor_key" ON "QuizRound"("openFor");

-- CreateIndex
CREATE INDEX "QuizRound_state_score_idx" ON "QuizRound"("state", "score");

-- CreateIndex
CREATE INDEX "QuizRound_week_state_idx" ON "QuizRound"("week", "state");

-- CreateIndex
CREATE UNIQUE INDEX "QuizRoundAnswer_roundId_questionId_key" ON "QuizRoundAnswer"("roundId", "questionId");

-- CreateIndex
CREATE UNIQUE INDEX "TimelineEntry_attemptId_seq_key" ON "TimelineEntry"("attemptId", "seq");
