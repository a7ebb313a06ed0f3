// Polls for a state that follows an action asynchronously (a parent hearing from its child, the next run of a
// workflow that continued as new), for a bounded number of tries.
export async function eventually<T>(get: () => Promise<T>, done: (value: T) => boolean, tries = 40): Promise<T> {
  for (let i = 1; ; i++) {
    const value = await get();
    if (done(value) || i >= tries) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
