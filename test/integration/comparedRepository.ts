// A repository with a history, built at test time for the suites that compare (also by the harness, for the
// untrusted workspace's suite): Node only, no vscode.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TEAM_SCOPE } from './teamScope';

const kafka = (delivery: string, operations: string) => `---
product: Kafka
---
# Kafka

## Delivery guarantees

${delivery}

## Operations

${operations}
`;

// RabbitMQ's note is the same at both commits and has no As of line: git's line dates, which only the present has, are no change.
const RABBITMQ = `---
product: RabbitMQ
---
# RabbitMQ

## Delivery guarantees

At least once, with publisher confirms.

## Operations

TODO
`;

/** A repository of two commits (fixed dates): Kafka's delivery answer reworded and its operations answered in the second. */
export function comparedRepository(folder: string): void {
  const commit = (day: string, message: string) =>
    execFileSync('git', ['-c', 'user.name=Ada', '-c', 'user.email=ada@example.com', 'commit', '-q', '-m', message], {
      cwd: folder,
      env: { ...process.env, GIT_AUTHOR_DATE: `${day}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${day}T12:00:00+00:00` },
    });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: folder });
  mkdirSync(folder, { recursive: true });
  git('init', '-q', '-b', 'main');
  writeFileSync(path.join(folder, 'competitor-scope.yaml'), TEAM_SCOPE);
  writeFileSync(path.join(folder, 'kafka.md'), kafka('At least once by default.', 'TODO'));
  writeFileSync(path.join(folder, 'rabbitmq.md'), RABBITMQ);
  git('add', '-A');
  commit('2021-03-01', 'Queues: first answers');
  writeFileSync(path.join(folder, 'kafka.md'), kafka('At least once by default; exactly once within a transaction.', 'KRaft since 3.3.'));
  git('add', '-A');
  commit('2021-06-01', 'Kafka: transactions and KRaft');
}
