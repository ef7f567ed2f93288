import { UseFilters, UsePipes } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { ClientEvents } from '../protocol/events';
import type { Ack, QuizRoundAnswerResult, QuizRoundSummary, QuizRoundView, QuizTopicsResponse } from '../protocol/messages';
import { QuizRoundAnswerDto, QuizRoundRefDto, QuizRoundStartDto } from '../protocol/quiz-round.dto';
import { type GameSocket, ok, principalOf } from '../transport/game-socket';
import { WsExceptionsFilter } from '../transport/ws-exceptions.filter';
import { WsValidationPipe } from '../transport/ws-validation.pipe';
import { QuizRoundsService } from './quiz-rounds.service';

/**
 * The standalone quiz's socket messages, on the same socket.io server as GameGateway (whose handshake
 * signs sockets in). Guests may play; only accounts reach the quiz leaderboard.
 */
@WebSocketGateway({ serveClient: false, maxHttpBufferSize: 1_000_000 })
@UsePipes(WsValidationPipe)
@UseFilters(WsExceptionsFilter)
export class QuizGateway {
  constructor(private readonly quiz: QuizRoundsService) {}

  @SubscribeMessage(ClientEvents.QuizTopics)
  topics(): Ack<QuizTopicsResponse> {
    return ok(this.quiz.topics());
  }

  @SubscribeMessage(ClientEvents.QuizRoundStart)
  async start(@ConnectedSocket() socket: GameSocket, @MessageBody() body: QuizRoundStartDto): Promise<Ack<QuizRoundView>> {
    return ok(await this.quiz.start(principalOf(socket), body.topic, body.size));
  }

  @SubscribeMessage(ClientEvents.QuizRoundAnswer)
  async answer(@ConnectedSocket() socket: GameSocket, @MessageBody() body: QuizRoundAnswerDto): Promise<Ack<QuizRoundAnswerResult>> {
    return ok(await this.quiz.answer(principalOf(socket), body.roundId, body.questionId, body.choices));
  }

  @SubscribeMessage(ClientEvents.QuizRoundFinish)
  async finish(@ConnectedSocket() socket: GameSocket, @MessageBody() body: QuizRoundRefDto): Promise<Ack<QuizRoundSummary>> {
    return ok(await this.quiz.finish(principalOf(socket), body.roundId));
  }
}
