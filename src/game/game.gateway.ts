import { Logger, UseFilters, UsePipes } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { CommandResult, HintView } from '../scenarios/session.types';
import { AttemptsService } from './attempts/attempts.service';
import { attemptRoom } from './attempts/live-attempt';
import { AttemptRefDto, StartAttemptDto } from './protocol/attempt.dto';
import { RunCommandDto } from './protocol/command.dto';
import { ClientEvents, type HandshakeAuth } from './protocol/events';
import { TakeHintDto } from './protocol/hint.dto';
import type {
  AbandonResponse,
  Ack,
  AttemptView,
  LoginResponse,
  RegisterResponse,
  ScenarioListResponse,
} from './protocol/messages';
import { LoginPlayerDto, RegisterPlayerDto } from './protocol/player.dto';
import { PlayersService } from './players/players.service';
import { ScenariosService } from './scenarios/scenarios.service';
import { GameServer, GameSocket, ok, playerOf } from './transport/game-socket';
import { PushService } from './transport/push.service';
import { WsExceptionsFilter } from './transport/ws-exceptions.filter';
import { WsValidationPipe } from './transport/ws-validation.pipe';

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
    private readonly push: PushService,
  ) {}

  afterInit(server: GameServer): void {
    this.push.bind(server);
    // A reconnecting client passes { playerId, token } in the handshake and keeps its identity;
    // wrong credentials refuse the connection, none at all connect anonymously (to register or log in).
    server.use((socket, next) => {
      const auth = (socket.handshake.auth ?? {}) as HandshakeAuth;
      if (typeof auth.playerId !== 'string' || typeof auth.token !== 'string') return next();
      this.players.authenticate(auth.playerId, auth.token).then(
        (player) => {
          socket.data.playerId = player.playerId;
          next();
        },
        (err: unknown) => {
          this.logger.debug(`handshake refused: ${err instanceof Error ? err.message : String(err)}`);
          next(new Error('invalid player credentials'));
        },
      );
    });
  }

  @SubscribeMessage(ClientEvents.PlayerRegister)
  async register(@ConnectedSocket() socket: GameSocket, @MessageBody() body: RegisterPlayerDto): Promise<Ack<RegisterResponse>> {
    const player = await this.players.register(body.name);
    socket.data.playerId = player.playerId;
    return ok(player);
  }

  @SubscribeMessage(ClientEvents.PlayerLogin)
  async login(@ConnectedSocket() socket: GameSocket, @MessageBody() body: LoginPlayerDto): Promise<Ack<LoginResponse>> {
    const player = await this.players.login(body.name, body.token);
    socket.data.playerId = player.playerId;
    return ok(player);
  }

  @SubscribeMessage(ClientEvents.ScenarioList)
  listScenarios(): Ack<ScenarioListResponse> {
    return ok({ scenarios: this.scenarios.list() });
  }

  @SubscribeMessage(ClientEvents.AttemptStart)
  async start(@ConnectedSocket() socket: GameSocket, @MessageBody() body: StartAttemptDto): Promise<Ack<AttemptView>> {
    const attempt = await this.attempts.start(playerOf(socket), body.scenarioId);
    await socket.join(attemptRoom(attempt.attemptId));
    return ok(attempt);
  }

  @SubscribeMessage(ClientEvents.AttemptResume)
  async resume(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AttemptRefDto): Promise<Ack<AttemptView>> {
    const attempt = await this.attempts.resume(playerOf(socket), body.attemptId);
    await socket.join(attemptRoom(attempt.attemptId));
    return ok(attempt);
  }

  @SubscribeMessage(ClientEvents.AttemptAbandon)
  async abandon(@ConnectedSocket() socket: GameSocket, @MessageBody() body: AttemptRefDto): Promise<Ack<AbandonResponse>> {
    const result = await this.attempts.abandon(playerOf(socket), body.attemptId);
    await socket.leave(attemptRoom(body.attemptId));
    return ok(result);
  }

  @SubscribeMessage(ClientEvents.CommandRun)
  async runCommand(@ConnectedSocket() socket: GameSocket, @MessageBody() body: RunCommandDto): Promise<Ack<CommandResult>> {
    const playerId = playerOf(socket);
    // The owner may have reconnected without resuming; keep the socket in the attempt's room for pushes.
    const result = await this.attempts.runCommand(playerId, body.attemptId, body.command);
    await socket.join(attemptRoom(body.attemptId));
    return ok(result);
  }

  @SubscribeMessage(ClientEvents.HintTake)
  async takeHint(@ConnectedSocket() socket: GameSocket, @MessageBody() body: TakeHintDto): Promise<Ack<HintView>> {
    return ok(await this.attempts.takeHint(playerOf(socket), body.attemptId, body.index));
  }
}
