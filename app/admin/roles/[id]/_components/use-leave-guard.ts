'use client'

import { useEffect } from 'react'

export const leaveMessage = 'You have unsaved changes to this role. Leave without saving?'

/**
 * While `active`, asks before the page is left: the browser's own prompt for reloads, closing the
 * tab and other sites (beforeunload), and a confirm for in-app links, which navigate on the client
 * and so never fire beforeunload. The click listener runs in the capture phase on the document,
 * before Next's <Link> handler, and stops the click when the editor chooses to stay.
 */
export function useLeaveGuard(active: boolean) {
  useEffect(() => {
    if (!active) return
    // Set once a link was confirmed, so a full page load that follows does not ask a second time.
    let confirmedAt = 0
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (Date.now() - confirmedAt > 2000) event.preventDefault()
    }
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null
      if (!(link instanceof HTMLAnchorElement)) return
      if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return
      const to = new URL(link.href, window.location.href)
      if (to.origin !== window.location.origin) return // beforeunload covers other sites
      if (to.pathname === window.location.pathname && to.search === window.location.search) return // same page, e.g. #anchor
      if (window.confirm(leaveMessage)) {
        confirmedAt = Date.now()
      } else {
        event.preventDefault()
        event.stopPropagation()
      }
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    document.addEventListener('click', onClick, true)
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      document.removeEventListener('click', onClick, true)
    }
  }, [active])
}
