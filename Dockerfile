# The SmartBranch server: one image for the web, worker and migrate roles (Server:Roles).
#   docker build -t smartbranch .
#   docker run -p 8080:8080 smartbranch        (embedded default: SQLite in the container)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig SmartBranch.sln ./
COPY platform/ platform/
COPY portal/ portal/
COPY tenants/ tenants/
# The operations manual, the training handout and the onboarding guide are embedded in the portal.
COPY docs/manual/ docs/manual/
COPY docs/training/ docs/training/
COPY docs/operators/ docs/operators/
RUN dotnet publish platform/SmartBranch.Server -c Release -o /app --no-self-contained -p:UseAppHost=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# pg_dump and pg_restore for backups, restores and drills, from PostgreSQL's own repository: the client must be
# at least the server's version (RDS PostgreSQL 17, terraform/database.tf).
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-common \
 && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
 && apt-get install -y --no-install-recommends postgresql-client-17 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
# The image's unprivileged user (uid 1654).
USER app
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
