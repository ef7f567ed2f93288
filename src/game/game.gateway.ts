import { Inject, Logger, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { CommandResult, Completion, DiagnosisResult, HintView, QuizResult } from '../scenarios/session.types';
import { GAME_CONFIG, type GameConfig } from './attempts/game-config';
import { AttemptsService } from './attempts/attempts.service';
import { ClusterViewService } from './cluster-view/cluster-view.service';
import { DescribeObjectDto } from './protocol/cluster.dto';
import type { ClusterDescribeResponse } from './protocol/cluster-view.messages';
import { PlayerCatalogueService } from './scenarios/player-catalogue.service';
import { attemptRoom } from './attempts/live-attempt';
import { AuthoringService } from './authoring/authoring.service';
import { PlayersService } from './auth/players.service';
import { SessionRevocationService } from './auth/session-revocation.service';
import { GameError, GameErrorCode } from './errors/game-error';
import { EventsService } from './events/events.service';
import { boardOf, boardRoom, LEADERBOARD_PUSH_ROWS } from './leaderboard/leaderboard-board';
import { LeaderboardBoardDto } from './leaderboard/leaderboard-query.dto';
import { LeaderboardService } from './leaderboard/leaderboard.service';
import { AttemptRefDto, BestReplaysDto, StartAttemptDto } from './protocol/attempt.dto';
import { AuthoringScenarioDto, AuthoringUnpublishDto, AuthoringYamlDto } from './protocol/authoring.dto';
import { CancelEditDto, CompleteCommandDto, InterruptCommandDto, RunCommandDto, SaveEditDto } from './protocol/command.dto';
import { AnswerQuizDto, SubmitDiagnosisDto } from './protocol/diagnosis.dto';
import { JoinEventDto, WatchEventDto } from './protocol/event.dto';
import { ClientEvents, type HandshakeAuth } from './protocol/events';
import { TakeHintDto } from './protocol/hint.dto';
import type {
  AbandonResponse,
  Ack,
  AttemptView,
  AuthoringGetResponse,
  AuthoringListResponse,
  AuthoringSaveResponse,
  AuthoringScenarioResponse,
  AuthoringValidateResponse,
  BestReplaysResponse,
  EventView,
  EventWatchResponse,
  LeaderboardResponse,
  LogoutResponse,
  QuizListResponse,
  ReplayView,
  ScenarioListResponse,
  SessionResponse,
} from './protocol/messages';
import { CredentialsDto } from './protocol/player.dto';
import { ReplaysService } from './replays/replays.service';
import { ScenariosService } from './scenarios/scenarios.service';
import { GameServer, GameSocket, ok, playerOf, principalOf } from './transport/game-socket';
import { eventWatchRoom, PushService } from './transport/push.service';
import { TokenBucket } from './transport/rate-limiter';
import { WsExceptionsFilter } from './transport/ws-exceptions.filter';
import { WsValidationPipe } from './transport/ws-validation.pipe';

const MAX_BOARDS_PER_SOCKET = 20;

/**
 * The socket API, on the HTTP server's port. Handlers only authenticate, join rooms and delegate;
 * every failure is acked as `{ ok: false, error }` by WsExceptionsFilter.
 */
@WebSocketGateway({ serveClient: false, maxHttpBufferSize: 1_000_000 })
@UsePipes(WsValidationPipe)
@UseFilters(WsExceptionsFilter)
export class GameGateway implements OnGatewayInit<GameServer> {
  private readonly logger = new Logger(GameGateway.name);

  constructor(
    private readonly players: PlayersService,
    private readonly scenarios: ScenariosService,
    private readonly attempts: AttemptsService,
    private readonly events: EventsService,
    private readonly leaderboard: LeaderboardService,
    private readonly replays: ReplaysService,
    private readonly push: PushService,
    private readonly clusterViews: ClusterViewService,
    private readonly playerCatalogue: PlayerCatalogueService,
    private readonly revocation: SessionRevocationService,
    private readonly authoring: AuthoringService,
    @Inject(GAME_CONFIG) private readonly config: GameConfig,
  ) {}

  afterInit(server: GameServer): void {
    this.push.bind(server);
    // A client passes { token } (a session token) in the handshake and is signed in from its first message;
    // an invalid or expired token refuses the connection, none at all connects anonymously (to sign in).
    server.use((socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
      if (typeof auth.token !== 'string') return next();
      this.players.authenticateSession(auth.token).then(
        ({ principal, claims }) => {
          socket.data.principal = principal;
          socket.data.session = { jti: claims.jti, gen: claims.gen ?? 0, exp: claims.exp };
          next();
        },
        (err: unknown) => {
          // The reason (invalid, expired or revoked) reaches the client as connect_error's message.
          const reason = err instanceof GameError ? `invalid session token: ${err.message}` : 'invalid session token';
          this.logger.debug(`handshake refused: ${reason}`);
          next(new Error(reason));
        },
      );
    });
  }

  /**
   * Each sign-in costs a scrypt derivation, each join a code lookup: a connection may not turn them
   * into password or join-code guessing, or a CPU flood. They share one budget per connection.
   */
  private limitSignIns(socket: GameSocket, what = 'sign-in attempts'): void {
    socket.data.signIns ??= new TokenBucket(this.config.authRate, this.config.authBurst, Date.now);
    if (!socket.data.signIns.tryTake()) throw rateLimited(what, this.config.authRate, this.config.authBurst);
  }

  private limitCommands(socket: GameSocket): void {
    socket.data.commands ??= new TokenBucket(this.config.commandRate, this.config.commandBurst, Date.now);
    if (!socket.data.commands.tryTake()) throw rateLimited('commands', this.config.commandRate, this.config.commandBurst);
  }

  @SubscribeMessage(ClientEvents.PlayerRegister)
  async register(@ConnectedSocket() socket: GameSocket, @MessageBody() body: CredentialsDto): Promise<Ack<SessionResponse>> {
    this.limitSignIns(socket);
    return ok(this.signIn(socket, await this.players.register(body.name, body.password)));
  }

  @SubscribeMessage(ClientEvents.PlayerLogin)
  async login(@ConnectedSocket() socket: GameSocket, @MessageBody() body: CredentialsDto): Promise<Ack<SessionResponse>> {
    this.limitSignIns(socket);
    return ok(this.signIn(socket, await this.players.login(body.name, body.password)));
  }

  @SubscribeMessage(ClientEvents.PlayerGuest)
  async guest(@ConnectedSocket() socket: GameSocket): Promise<Ack<SessionResponse>> {
    this.limitSignIns(socket);
    return ok(this.signIn(socket, await this.players.guest()));
  }

  /** Revokes the token this socket is signed in with; other sockets using it are disconnected, this one is signed out. */
  @SubscribeMessage(ClientEvents.PlayerLogout)
  async logout(@ConnectedSocket() socket: GameSocket): Promise<Ack<LogoutResponse>> {
    const { playerId } = principalOf(socket);
    const session = socket.data.session ?? { gen: 0, exp: Date.now() };
    // Signed out first, so endSessions does not disconnect the socket that asked.
    socket.data.principal = undefined;
    socket.data.session = undefined;
    for (const room of socket.rooms) if (room !== socket.id && !room.startsWith('leaderboard:')) await socket.leave(room);
    await this.revocation.logout(playerId, { sub: playerId, ...session });
    return ok({ revoked: true });
  }

  @SubscribeMessage(ClientEvents.PlayerClaim)
  async claim(@ConnectedSocket() socket: GameSocket, @MessageBody() body: CredentialsDto): Promise<Ack<SessionResponse>> {
    this.limitSignIns(socket);
    const session = this.signIn(socket, await this.players.claim(playerOf(socket), body.name, body.password));
    this.attempts.renamePlayer(session.playerId, session.name);
    await this.leaderboard.playerChanged();
    return ok(session);
  }

  private signIn(socket: GameSocket, session: SessionResponse): SessionResponse {
    socket.data.principal = { playerId: session.playerId, name: session.name, role: session.role, guest: session.guest };
    const claims = this.players.claimsOf(session.token);
    socket.data.session = { jti: claims?.jti, gen: claims?.gen ?? 0, exp: claims?.exp ?? Date.now() };
    return session;
  }

  /** The catalogue; signed in, each scenario carries the player's best result (`best`). */
  @SubscribeMessage(ClientEvents.ScenarioList)
  async listScenarios(@ConnectedSocket() socket: GameSocket): Promise<Ack<ScenarioListResponse>> {
    return ok({ scenarios: await this.playerCatalogue.listFor(socket.data.principal?.playerId ?? null) });
  }

  /** `kubectl describe` of an object of one's own attempt (a pod clicked in the cluster view). */
  @SubscribeMessage(ClientEvents.ClusterDescribe)
  async describeObject(@ConnectedSocket() socket: GameSocket, @MessageBody() body: DescribeObjectDto): Promise<Ack<ClusterDescribeResponse>> {
    return ok(await this.clusterViews.describe(playerOf(socket), body.attemptId, body.kind, body.namespace, body.name));
  }

  @SubscribeMessage(ClientEvents.AttemptStart)
  async start(@ConnectedSocket() socket: GameSocket, @MessageBody() body: StartAttemptDto): Promise<Ack<AttemptView>> {
    const attempt = await this.attempts.start(principalOf(socket), body.scenarioId, body.eventId ?? null);
    await socket.join(attemptRoom(attempt.attemptId));
    await this.clusterViews.pushFor(playerOf(socket), attempt.attemptId);
    return ok(attempt);
  }

  @SubscribeMessage(ClientEvents.AttemptResume)
  async resume(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AttemptRefDto): Promise<Ack<AttemptView>> {
    const attempt = await this.attempts.resume(playerOf(socket), body.attemptId);
    await socket.join(attemptRoom(attempt.attemptId));
    await this.clusterViews.pushFor(playerOf(socket), attempt.attemptId);
    return ok(attempt);
  }

  @SubscribeMessage(ClientEvents.AttemptAbandon)
  async abandon(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AttemptRefDto): Promise<Ack<AbandonResponse>> {
    const result = await this.attempts.abandon(playerOf(socket), body.attemptId);
    await socket.leave(attemptRoom(body.attemptId));
    return ok(result);
  }

  @SubscribeMessage(ClientEvents.AttemptReplay)
  async replay(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AttemptRefDto): Promise<Ack<ReplayView>> {
    return ok(await this.replays.replay(principalOf(socket), body.attemptId));
  }

  @SubscribeMessage(ClientEvents.AttemptBest)
  async best(@ConnectedSocket() socket: GameSocket, @MessageBody() body: BestReplaysDto): Promise<Ack<BestReplaysResponse>> {
    return ok(await this.replays.best(principalOf(socket), body.scenarioId));
  }

  @SubscribeMessage(ClientEvents.CommandRun)
  async runCommand(@ConnectedSocket() socket: GameSocket, @MessageBody() body: RunCommandDto): Promise<Ack<CommandResult>> {
    const playerId = playerOf(socket);
    this.limitCommands(socket);
    const result = await this.attempts.runCommand(playerId, body.attemptId, body.command);
    // The owner may have reconnected without resuming; keep the socket in the attempt's room for pushes.
    const room = attemptRoom(body.attemptId);
    if (!socket.rooms.has(room)) await socket.join(room);
    return ok(result);
  }

  @SubscribeMessage(ClientEvents.CommandInterrupt)
  async interrupt(@ConnectedSocket() socket: GameSocket, @MessageBody() body: InterruptCommandDto): Promise<Ack<Record<string, never>>> {
    await this.attempts.interrupt(playerOf(socket), body.attemptId, body.streamId);
    return ok({});
  }

  /** The editor of a `kubectl edit` saved its file; rate-limited like commands, since it runs one. */
  @SubscribeMessage(ClientEvents.CommandEditSave)
  async saveEdit(@ConnectedSocket() socket: GameSocket, @MessageBody() body: SaveEditDto): Promise<Ack<CommandResult>> {
    this.limitCommands(socket);
    return ok(await this.attempts.saveEdit(playerOf(socket), body.attemptId, body.editId, body.text));
  }

  @SubscribeMessage(ClientEvents.CommandEditCancel)
  async cancelEdit(@ConnectedSocket() socket: GameSocket, @MessageBody() body: CancelEditDto): Promise<Ack<CommandResult>> {
    this.limitCommands(socket);
    return ok(await this.attempts.cancelEdit(playerOf(socket), body.attemptId, body.editId));
  }

  @SubscribeMessage(ClientEvents.CommandComplete)
  async complete(@ConnectedSocket() socket: GameSocket, @MessageBody() body: CompleteCommandDto): Promise<Ack<Completion>> {
    this.limitCommands(socket);
    return ok(await this.attempts.complete(playerOf(socket), body.attemptId, body.line));
  }

  @SubscribeMessage(ClientEvents.HintTake)
  async takeHint(@ConnectedSocket() socket: GameSocket, @MessageBody() body: TakeHintDto): Promise<Ack<HintView>> {
    return ok(await this.attempts.takeHint(playerOf(socket), body.attemptId, body.index));
  }

  @SubscribeMessage(ClientEvents.DiagnosisSubmit)
  async diagnose(@ConnectedSocket() socket: GameSocket, @MessageBody() body: SubmitDiagnosisDto): Promise<Ack<DiagnosisResult>> {
    const { object, reason, cause } = body;
    return ok(await this.attempts.diagnose(playerOf(socket), body.attemptId, { object, reason, cause }));
  }

  @SubscribeMessage(ClientEvents.QuizList)
  async quiz(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AttemptRefDto): Promise<Ack<QuizListResponse>> {
    return ok(await this.attempts.quiz(playerOf(socket), body.attemptId));
  }

  @SubscribeMessage(ClientEvents.QuizAnswer)
  async answerQuiz(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AnswerQuizDto): Promise<Ack<QuizResult>> {
    return ok(await this.attempts.answerQuiz(playerOf(socket), body.attemptId, body.questionId, body.choices));
  }

  /** Anyone may watch a board (no sign-in needed); the answer is its current top rows. */
  @SubscribeMessage(ClientEvents.LeaderboardSubscribe)
  async subscribe(@ConnectedSocket() socket: GameSocket, @MessageBody() body: LeaderboardBoardDto): Promise<Ack<LeaderboardResponse>> {
    const board = boardOf(body);
    const room = boardRoom(board);
    const subscribed = [...socket.rooms].filter((r) => r.startsWith('leaderboard:'));
    if (!subscribed.includes(room) && subscribed.length >= MAX_BOARDS_PER_SOCKET) {
      throw new GameError(GameErrorCode.BadRequest, `at most ${MAX_BOARDS_PER_SOCKET} leaderboards per connection; unsubscribe from one first`);
    }
    const page = await this.leaderboard.page(board, LEADERBOARD_PUSH_ROWS, 0);
    await socket.join(room);
    return ok(page);
  }

  @SubscribeMessage(ClientEvents.LeaderboardUnsubscribe)
  async unsubscribe(@ConnectedSocket() socket: GameSocket, @MessageBody() body: LeaderboardBoardDto): Promise<Ack<Record<string, never>>> {
    await socket.leave(boardRoom(boardOf(body)));
    return ok({});
  }

  @SubscribeMessage(ClientEvents.EventJoin)
  async joinEvent(@ConnectedSocket() socket: GameSocket, @MessageBody() body: JoinEventDto): Promise<Ack<EventView>> {
    this.limitSignIns(socket, 'join attempts');
    return ok(await this.events.join(principalOf(socket), body.code));
  }

  /** The event's instructor: from now on this socket gets every member's progress and commands. */
  @SubscribeMessage(ClientEvents.EventWatch)
  async watchEvent(@ConnectedSocket() socket: GameSocket, @MessageBody() body: WatchEventDto): Promise<Ack<EventWatchResponse>> {
    const watched = await this.events.watch(principalOf(socket), body.eventId);
    await socket.join(eventWatchRoom(body.eventId));
    return ok(watched);
  }

  // Authoring: the same service, role checks and answers as /api/authoring (the instructor page uses these).

  @SubscribeMessage(ClientEvents.AuthoringValidate)
  async authoringValidate(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AuthoringYamlDto): Promise<Ack<AuthoringValidateResponse>> {
    return ok({ report: await this.authoring.validate(principalOf(socket), body.yaml) });
  }

  @SubscribeMessage(ClientEvents.AuthoringSave)
  async authoringSave(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AuthoringYamlDto): Promise<Ack<AuthoringSaveResponse>> {
    return ok(await this.authoring.save(principalOf(socket), body.yaml, { kind: 'save' }));
  }

  @SubscribeMessage(ClientEvents.AuthoringPublish)
  async authoringPublish(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AuthoringScenarioDto): Promise<Ack<AuthoringScenarioResponse>> {
    return ok({ scenario: await this.authoring.publish(principalOf(socket), body.scenarioId, body.version) });
  }

  @SubscribeMessage(ClientEvents.AuthoringUnpublish)
  async authoringUnpublish(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AuthoringUnpublishDto): Promise<Ack<AuthoringScenarioResponse>> {
    return ok({ scenario: await this.authoring.unpublish(principalOf(socket), body.scenarioId) });
  }

  @SubscribeMessage(ClientEvents.AuthoringList)
  async authoringList(@ConnectedSocket() socket: GameSocket): Promise<Ack<AuthoringListResponse>> {
    return ok({ scenarios: await this.authoring.list(principalOf(socket)) });
  }

  @SubscribeMessage(ClientEvents.AuthoringGet)
  async authoringGet(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AuthoringScenarioDto): Promise<Ack<AuthoringGetResponse>> {
    return ok(await this.authoring.get(principalOf(socket), body.scenarioId, body.version));
  }
}

function rateLimited(what: string, rate: number, burst: number): GameError {
  return new GameError(GameErrorCode.RateLimited, `too many ${what}: at most ${rate} per second (bursts of ${burst}); wait a moment`);
}


