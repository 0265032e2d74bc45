import Logging
import ZonestatCommands

LoggingSystem.bootstrap(StreamLogHandler.standardError)
LoadTool.main()
