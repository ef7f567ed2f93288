import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { attemptRoom } from '../attempts/live-attempt';
import { ServerEvents, type ServerToClientEvents } from '../protocol/events';
import type { AttemptProgressPush, AttemptSolvedPush, LeaderboardChangedPush } from '../protocol/messages';

/** Server → client pushes. The gateway binds the socket.io server once it exists. */
@Injectable()
export class PushService {
  private server?: Server<Record<string, never>, ServerToClientEvents>;

  bind(server: Server<Record<string, never>, ServerToClientEvents>): void {
    this.server = server;
  }

  attemptProgress(push: AttemptProgressPush): void {
    this.server?.to(attemptRoom(push.attemptId)).emit(ServerEvents.AttemptProgress, push);
  }

  attemptSolved(push: AttemptSolvedPush): void {
    this.server?.to(attemptRoom(push.attemptId)).emit(ServerEvents.AttemptSolved, push);
  }

  leaderboardChanged(push: LeaderboardChangedPush): void {
    this.server?.emit(ServerEvents.LeaderboardChanged, push);
  }
}
