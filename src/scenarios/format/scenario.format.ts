import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TRACK_IDS } from '../tracks';

/**
 * The scenario file format (`*.scenario.yaml`), validated with class-validator.
 * Checks and faults are named plug-ins; their own parameters are validated by the plug-in.
 */
export class NodeFormat {
  @Matches(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/) name!: string;
  @IsOptional() @IsIn(['control-plane', 'worker']) role?: 'control-plane' | 'worker';
  @IsOptional() @IsString() cpu?: string;
  @IsOptional() @IsString() memory?: string;
  @IsOptional() @IsInt() @Min(1) pods?: number;
  @IsOptional() @IsObject() labels?: Record<string, string>;
  @IsOptional() @IsArray() taints?: Array<{ key: string; value?: string; effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute' }>;
  @IsOptional() @IsBoolean() unschedulable?: boolean;
}

export class RepositoryFormat {
  @IsString() @IsNotEmpty() name!: string;
  @IsObject() tags!: Record<string, { sizeBytes?: number; pullSeconds?: number; behaviour?: Record<string, unknown> }>;
  @IsOptional() @IsBoolean() private?: boolean;
  /** What a container of this image does; see ImageBehaviour in the engine. */
  @IsOptional() @IsObject() behaviour?: Record<string, unknown>;
}

export class ClusterFormat {
  @ValidateNested({ each: true }) @Type(() => NodeFormat) @ArrayMinSize(1) nodes!: NodeFormat[];
  @IsOptional() @ValidateNested({ each: true }) @Type(() => RepositoryFormat) registry?: RepositoryFormat[];
  /** Run etcd, the API server, controller-manager and scheduler as kubeadm static pods (default true). */
  @IsOptional() @IsBoolean() staticControlPlane?: boolean;
  /** Simulated seconds the cluster runs (faults firing) before the player arrives. */
  @IsOptional() @IsInt() @Min(0) @Max(3600) warmupSeconds?: number;
  /** Whether metrics-server is installed, so `kubectl top` works (default true). */
  @IsOptional() @IsBoolean() metricsServer?: boolean;
}

export class PluginRef {
  @IsString() @IsNotEmpty() type!: string;
  [param: string]: unknown;
}

export class FaultFormat extends PluginRef {
  /** Seconds after the cluster starts (during warm-up) at which the fault strikes. */
  @IsOptional() @IsInt() @Min(0) atSeconds?: number;
}

export class ObjectiveFormat {
  @Matches(/^[a-z0-9-]+$/) id!: string;
  @IsString() @IsNotEmpty() description!: string;
  @ValidateNested() @Type(() => PluginRef) check!: PluginRef;
}

export class GuardRailFormat extends ObjectiveFormat {
  /** Points lost when the guard rail is broken (once). */
  @IsInt() @Min(0) penalty!: number;
}

export class HintStateFormat {
  /** a check on the live cluster; when it holds, this text replaces the hint's default */
  @ValidateNested() @Type(() => PluginRef) when!: PluginRef;
  @IsString() @IsNotEmpty() text!: string;
}

export class HintFormat {
  @IsString() @IsNotEmpty() text!: string;
  @IsInt() @Min(0) cost!: number;
  /** State-aware variants, tried in order against the live cluster ("node02 is Ready again, but still cordoned"). */
  @IsOptional() @ValidateNested({ each: true }) @Type(() => HintStateFormat) states?: HintStateFormat[];
}

export class DiagnosisFormat {
  /** `kind/name` of the object at fault, e.g. `pod/web` */
  @Matches(/^[a-z]+\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/) object!: string;
  /** the Kubernetes reason the learner sees, e.g. `ImagePullBackOff` */
  @IsString() @IsNotEmpty() reason!: string;
  /** the root cause, one of `causes` */
  @IsString() @IsNotEmpty() cause!: string;
  /** the choices offered (the right one among them) */
  @IsArray() @ArrayMinSize(2) @IsString({ each: true }) causes!: string[];
  @IsInt() @Min(0) points!: number;
  @IsInt() @Min(0) wrongPenalty!: number;
}

export class QuizQuestionFormat {
  @Matches(/^[a-z0-9-]+$/) id!: string;
  @IsString() @IsNotEmpty() question!: string;
  @IsArray() @ArrayMinSize(2) @IsString({ each: true }) choices!: string[];
  /** indices of the right choices (several: a multiple-choice question) */
  @IsArray() @ArrayMinSize(1) @IsInt({ each: true }) @Min(0, { each: true }) answers!: number[];
  @IsString() @IsNotEmpty() explanation!: string;
  @IsInt() @Min(0) points!: number;
}

/** A variant parameter: `{{ name }}` in the text below is replaced by one of `choices`, drawn from the attempt's seed. */
export class ParameterFormat {
  @Matches(/^[a-zA-Z_][a-zA-Z0-9_-]*$/, { message: 'name must be a word (letters, digits, _ and -), used as {{ name }}' }) name!: string;
  /** the values to draw from (numbers are taken as their text) */
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v)) : value))
  @IsArray()
  @ArrayMinSize(2)
  @ArrayUnique()
  @IsString({ each: true })
  choices!: string[];
}

export class ScenarioFormat {
  @Matches(/^[a-z0-9-]{3,64}$/) id!: string;
  @IsString() @IsNotEmpty() @MaxLength(120) title!: string;
  @IsString() @IsNotEmpty() summary!: string;
  @IsIn(['beginner', 'intermediate', 'advanced']) difficulty!: 'beginner' | 'intermediate' | 'advanced';
  @IsArray() @IsString({ each: true }) tags!: string[];
  /** the learning track, one of the ids in `src/scenarios/tracks.ts` */
  @IsIn(TRACK_IDS, { message: `track must be one of: ${TRACK_IDS.join(', ')}` }) track!: string;
  @IsInt() @Min(1) points!: number;
  @IsInt() @Min(30) parSeconds!: number;
  @IsOptional() @IsInt() @Min(0) stabilisationSeconds?: number;
  @ValidateNested() @Type(() => ClusterFormat) cluster!: ClusterFormat;
  /** Kubernetes manifests applied at start (multi-document YAML). */
  @IsString() manifests!: string;
  @IsOptional() @IsObject() files?: Record<string, string>;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => FaultFormat) faults?: FaultFormat[];
  @ValidateNested({ each: true }) @Type(() => ObjectiveFormat) @ArrayMinSize(1) objectives!: ObjectiveFormat[];
  @IsOptional() @ValidateNested({ each: true }) @Type(() => GuardRailFormat) guardRails?: GuardRailFormat[];
  @IsOptional() @ValidateNested({ each: true }) @Type(() => HintFormat) hints?: HintFormat[];
  /** The reference solution: command lines, run in order, each followed by `wait` seconds of simulation. */
  @IsArray() @ArrayMinSize(1) solution!: Array<string | { run: string; waitSeconds?: number }>;
  @IsString() @IsNotEmpty() explanation!: string;
  @IsOptional() @ValidateNested() @Type(() => DiagnosisFormat) diagnosis?: DiagnosisFormat;
  @IsOptional() @ValidateNested({ each: true }) @Type(() => QuizQuestionFormat) quiz?: QuizQuestionFormat[];
  /** Variants: values drawn from the attempt's seed and substituted for `{{ name }}` everywhere but the catalogue fields. */
  @IsOptional() @ValidateNested({ each: true }) @Type(() => ParameterFormat) parameters?: ParameterFormat[];
}
