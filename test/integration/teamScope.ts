// A second team's scope and note, for the tests of several scopes in a window (a nested scope file, a second folder).

/** A small scope of its own: one category, two products, two axes. */
export const TEAM_SCOPE = `version: 1
title: Platform team
notes: "**/*.md"
categories:
  - id: queues
    name: Message Queues
    goal: Compare the queue under the platform with the others.
    products:
      - name: Kafka
      - name: RabbitMQ
    axes:
      - name: Delivery guarantees
      - name: Operations
`;

export const KAFKA_NOTE = `---
product: Kafka
---
# Kafka

## Delivery guarantees

At least once by default; exactly once within a transaction.
`;
