import { EventEmitter } from 'node:events';

// Senders in this process wake as soon as an email is committed, instead of at their next poll.
const events = new EventEmitter();
events.setMaxListeners(50);

export function notifyOutboxChanged(): void {
  events.emit('changed');
}

export function onOutboxChanged(listener: () => void): () => void {
  events.on('changed', listener);
  return () => events.off('changed', listener);
}
