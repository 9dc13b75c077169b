/** "Load more" for the staff and product tabs' connections. */
import { useState } from 'react';
import { App as AntApp } from 'antd';
import type { CombinedError } from 'urql';
import { errorMessage } from '../../client';

export interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  nodes: N[];
}

/**
 * A connection shown a page (at most 100) at a time: the first page is the tab's query
 * (`first`), each later one `fetchPage(after)`, kept until `key` (the filter) changes. `reload`
 * fetches the first page and every later one shown again, so that a change made on the tab is
 * seen wherever its row is; a row that moved from one page to the one before is listed once.
 */
export function useMorePages<N extends { id: string }>(
  key: string,
  first: Connection<N> | undefined,
  fetchPage: (after: string) => Promise<{ page?: Connection<N>; error?: CombinedError }>,
  refetchFirst: () => void,
) {
  const { message } = AntApp.useApp();
  const [more, setMore] = useState<{ key: string; pages: { after: string; page: Connection<N> }[] }>({ key, pages: [] });
  const [loading, setLoading] = useState(false);
  const pages = more.key === key ? more.pages : [];
  const last = pages.length > 0 ? pages[pages.length - 1].page : first;

  const seen = new Set<string>();
  const nodes = [first, ...pages.map((p) => p.page)]
    .flatMap((c) => c?.nodes ?? [])
    .filter((n) => !seen.has(n.id) && !!seen.add(n.id));

  const fetchOne = async (after: string) => {
    const { page, error } = await fetchPage(after);
    if (!page) message.error(errorMessage(error));
    return page && { after, page };
  };
  const loadMore = async () => {
    const after = last?.pageInfo.endCursor;
    if (!after) return;
    setLoading(true);
    const next = await fetchOne(after);
    setLoading(false);
    if (next) setMore({ key, pages: [...pages, next] });
  };
  const reload = async () => {
    refetchFirst();
    if (pages.length === 0) return;
    const again = await Promise.all(pages.map((p) => fetchOne(p.after)));
    setMore({ key, pages: again.filter((p) => !!p) });
  };

  return {
    nodes,
    totalCount: first?.totalCount ?? 0,
    hasMore: !!last?.pageInfo.hasNextPage,
    loadMore,
    loadingMore: loading,
    reload,
  };
}
