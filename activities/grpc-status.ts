// The one gRPC status planflow reads from the Temporal client's errors (grpc-js is the client's dependency, not ours).
import { isGrpcServiceError } from '@temporalio/client';

/** gRPC's NOT_FOUND: what the server answers for a workflow it does not know, where the client names no error of its own. */
const GRPC_NOT_FOUND = 5;

export const isGrpcNotFound = (error: unknown): boolean => isGrpcServiceError(error) && Number(error.code) === GRPC_NOT_FOUND;
