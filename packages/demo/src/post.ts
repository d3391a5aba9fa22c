/** How the demo asks the gateway: a GraphQL caller that carries its URL and bearer token. */
export type Post = (<D = any>(query: string, variables?: Record<string, unknown>) => Promise<D>) & {
  /** the gateway's /graphql URL and the bearer token, when made by gatewayPoster */
  readonly url?: string;
  readonly token?: string;
};

/** A GraphQL caller for the gateway with a bearer token; errors become exceptions. */
export function gatewayPoster(url: string, token: string): Post {
  const post = async (query: string, variables?: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: any; errors?: Array<{ message: string }> };
    if (body.errors?.length) throw new Error(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data;
  };
  return Object.assign(post, { url, token }) as Post;
}
