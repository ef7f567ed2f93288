import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { AttemptRefDto } from './attempt.dto';
import type { ClusterDescribeRequest } from './cluster-view.messages';

// Pipes stop at the first failing check per field, and class-validator runs decorators bottom-up:
// the type check sits nearest the property so a wrong type is what gets reported.
export class DescribeObjectDto extends AttemptRefDto implements ClusterDescribeRequest {
  @MaxLength(64)
  @IsNotEmpty()
  @IsString()
  kind!: string;

  @IsOptional()
  @Matches(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, { message: 'namespace must be a DNS-1123 label (lowercase letters, digits and "-")' })
  @MaxLength(63)
  @IsString()
  namespace?: string;

  @MaxLength(253)
  @IsNotEmpty()
  @IsString()
  name!: string;
}
