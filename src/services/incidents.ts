// The incident service lives in ./incidents/, a file for each part; this keeps its old address.
export * from './incidents/index.ts';
