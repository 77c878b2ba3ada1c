/**
 * For live-mode UI tests: an answer of the mock as real Graph would send it, without the mock's
 * `@mock.*` annotations (an empty body stays empty, a 204/205/304 bodiless).
 */
export async function asRealGraph(response: Response): Promise<Response> {
  const text = await response.text();
  const body =
    text === ''
      ? null
      : JSON.stringify(
          JSON.parse(text, (key, value: unknown) => (key.startsWith('@mock.') ? undefined : value)),
        );
  return new Response([204, 205, 304].includes(response.status) ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
