// Records the longest main-thread task (Long Tasks API) so tests can report how long a big sync blocked the page.
window.longestTask = 0;
try {
  new PerformanceObserver(function (list) {
    list.getEntries().forEach(function (entry) {
      window.longestTask = Math.max(window.longestTask, entry.duration);
    });
  }).observe({entryTypes: ['longtask']});
} catch (e) {
  window.longestTask = -1;
}
