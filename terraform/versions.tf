terraform {
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.0"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
  }

  # State lives in S3 with native locking; create the bucket once per vendor account (see README.md).
  backend "s3" {
    key          = "smartbranch/terraform.tfstate"
    region       = "ap-northeast-1"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "SmartBranch"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}

# CloudFront-scoped WAF and ACM certificates for CloudFront would need us-east-1; the ALB's do not.
