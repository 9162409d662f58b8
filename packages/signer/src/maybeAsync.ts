/** A value now, or later. Lets hot paths stay synchronous when nothing asynchronous is needed. */
export type MaybePromise<T> = T | Promise<T>;

/** Applies `next` to `value` now if it is ready, or when it resolves. */
export function after<T, R>(value: MaybePromise<T>, next: (ready: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** Runs `work` and always returns a promise: thrown errors become rejections. */
export function settle<T>(work: () => MaybePromise<T>): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}
