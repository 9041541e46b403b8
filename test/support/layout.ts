import type { Page } from 'playwright-core'

/** How far a page reaches past the window sideways (0 when it holds). */
export const overflow = (page: Page) =>
  page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth)

/** The elements that stick out of the window, to say what to fix when the test fails. */
export const culprits = (page: Page) =>
  page.evaluate(() => {
    const limit = document.documentElement.clientWidth
    return (
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > limit + 1 && getComputedStyle(e).position !== 'fixed')
        // Inside a box that scrolls on its own (the phone's navigation row, a code block) is not the page scrolling.
        .filter((e) => {
          for (let up = e.parentElement; up; up = up.parentElement)
            if (['auto', 'scroll'].includes(getComputedStyle(up).overflowX)) return false
          return true
        })
        .filter((e) => ![...e.children].some((c) => c.getBoundingClientRect().right > limit + 1))
        .slice(0, 5)
        .map(
          (e) =>
            `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).split(' ').join('.')}` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`,
        )
    )
  })
