import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One question of the standalone quiz bank (`src/game/quiz/bank/*.quiz.yaml`). */
export class QuizBankQuestionFormat {
  @Matches(ID, { message: 'id must be lowercase words joined by "-"' })
  @IsString()
  id!: string;

  @MaxLength(500)
  @IsNotEmpty()
  @IsString()
  question!: string;

  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(8)
  @ArrayMinSize(2)
  @IsArray()
  choices!: string[];

  /** Indices into `choices`; more than one makes it a multiple-choice question (all of them, and only them, to score). */
  @Min(0, { each: true })
  @IsInt({ each: true })
  @ArrayUnique()
  @ArrayMinSize(1)
  @IsArray()
  answers!: number[];

  @MaxLength(1000)
  @IsNotEmpty()
  @IsString()
  explanation!: string;

  /** Points for a right answer on time (before the speed bonus); default 100. */
  @IsOptional()
  @Max(1000)
  @Min(1)
  @IsInt()
  points?: number;

  /** Seconds to answer on the server clock; default 30. */
  @IsOptional()
  @Max(300)
  @Min(5)
  @IsInt()
  timeLimitSeconds?: number;
}

/** One file of the bank: a topic and its questions. */
export class QuizBankFileFormat {
  @Matches(ID, { message: 'topic must be lowercase words joined by "-"' })
  @IsString()
  topic!: string;

  @MaxLength(80)
  @IsNotEmpty()
  @IsString()
  title!: string;

  @ValidateNested({ each: true })
  @Type(() => QuizBankQuestionFormat)
  @ArrayMinSize(1)
  @IsArray()
  questions!: QuizBankQuestionFormat[];
}
