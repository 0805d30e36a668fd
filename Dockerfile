# The SmartBranch server: one image for the web, worker and migrate roles (Server:Roles).
#   docker build -t smartbranch .
#   docker run -p 8080:8080 smartbranch        (embedded default: SQLite in the container)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig SmartBranch.sln ./
COPY platform/ platform/
COPY portal/ portal/
COPY tenants/ tenants/
RUN dotnet publish platform/SmartBranch.Server -c Release -o /app --no-self-contained -p:UseAppHost=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY deploy/docker-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080
# The image's unprivileged user (uid 1654).
USER app
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
