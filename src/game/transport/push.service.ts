import { Injectable } from '@nestjs/common';
import type { Server } from 'socket.io';
import { attemptRoom } from '../attempts/live-attempt';
import { boardOfRoom, boardRoom } from '../leaderboard/leaderboard-board';
import { ServerEvents, type ServerToClientEvents } from '../protocol/events';
import type {
  AttemptExpiredPush,
  AttemptProgressPush,
  AttemptSolvedPush,
  CommandOutputPush,
  EventCommandPush,
  EventMemberProgressPush,
  LeaderboardBoard,
  LeaderboardChangedPush,
} from '../protocol/messages';
import type { ClusterViewPush } from '../protocol/cluster-view.messages';
import type { GameSocketData, SocketSession } from './game-socket';

/** The room of an event's watchers (its instructors). */
export function eventWatchRoom(eventId: string): string {
  return `event-watch:${eventId}`;
}

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

  commandOutput(push: CommandOutputPush): void {
    this.server?.to(attemptRoom(push.attemptId)).emit(ServerEvents.CommandOutput, push);
  }

  attemptSolved(push: AttemptSolvedPush): void {
    this.server?.to(attemptRoom(push.attemptId)).emit(ServerEvents.AttemptSolved, push);
  }

  attemptExpired(push: AttemptExpiredPush): void {
    this.server?.to(attemptRoom(push.attemptId)).emit(ServerEvents.AttemptExpired, push);
  }

  leaderboardChanged(push: LeaderboardChangedPush): void {
    this.server?.to(boardRoom(push.board)).emit(ServerEvents.LeaderboardChanged, push);
  }

  eventMemberProgress(push: EventMemberProgressPush): void {
    this.server?.to(eventWatchRoom(push.eventId)).emit(ServerEvents.EventMemberProgress, push);
  }

  eventCommand(push: EventCommandPush): void {
    this.server?.to(eventWatchRoom(push.eventId)).emit(ServerEvents.EventCommand, push);
  }

  clusterView(push: ClusterViewPush): void {
    this.server?.to(attemptRoom(push.attemptId)).emit(ServerEvents.ClusterView, push);
  }

  /**
   * Ends the connections a revoked token signed in: each gets `session:revoked` with the reason, then is
   * disconnected (a reconnect with the same token is refused at the handshake).
   */
  endSessions(playerId: string, revoked: (session: SocketSession) => boolean, message: string): number {
    if (!this.server) return 0;
    let ended = 0;
    for (const socket of this.server.of('/').sockets.values()) {
      const data = socket.data as GameSocketData;
      if (data.principal?.playerId !== playerId || !data.session || !revoked(data.session)) continue;
      socket.emit(ServerEvents.SessionRevoked, { message });
      socket.disconnect(true);
      ended++;
    }
    return ended;
  }

  /** Boards that at least one socket subscribed to. */
  subscribedBoards(): LeaderboardBoard[] {
    if (!this.server) return [];
    const boards: LeaderboardBoard[] = [];
    for (const [room, members] of this.server.of('/').adapter.rooms) {
      const board = members.size > 0 ? boardOfRoom(room) : null;
      if (board) boards.push(board);
    }
    return boards;
  }
}
