/**
 * What `FakeGateway.handle` resolves to when the connection must be dropped without an answer
 * (MSW: `HttpResponse.error()`; the standalone server destroys the socket).
 */
export const DROP: unique symbol = Symbol.for('@aopkit/testing.drop');
