module ws2host/programs

go 1.19
