// TeaVM's UMD bundle exposes main(); starting it from here keeps inline script out of index.html (CSP-friendly).
main([]);
