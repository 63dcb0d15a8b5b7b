// Starts the page compiled by TeaVM (page.js defines the global main).
main([]);
