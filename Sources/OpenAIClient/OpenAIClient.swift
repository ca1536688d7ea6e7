import VioCore
